"""The query layer: ranked search, field selection and ordering, records in words."""
