INSERT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:LISTENER_PORT/sparql> { ?s ?p ?o } }
