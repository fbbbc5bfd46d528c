PREFIX cred: <https://w3id.org/cred-kg/ns#>
INSERT DATA { <https://w3id.org/cred-kg/id/claim/x> cred:text "injected" }
