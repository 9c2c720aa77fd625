"""The facts file format: records, field registry, figures, reading, merging, checking."""
