"""Configuration: the settings model, file discovery and the select/ignore decision engine."""
