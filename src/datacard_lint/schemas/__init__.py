"""The bundled JSON Schemas: loading them once and turning their errors into findings."""
