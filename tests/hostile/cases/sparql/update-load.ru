LOAD <http://127.0.0.1:LISTENER_PORT/data.ttl>
