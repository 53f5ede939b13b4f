; JavaScript grammar only: class fields are `field_definition`.
(field_definition property: (_) @bind.target value: (_)? @bind.value) @bind.field
