"""The facts file format: records, the field registry, figures, reading, validating, merging, checking."""
