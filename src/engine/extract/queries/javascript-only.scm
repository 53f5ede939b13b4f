; JavaScript grammar only: class fields are `field_definition`.
(field_definition property: (_) @bind.target) @bind.field
