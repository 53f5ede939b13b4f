; TypeScript/TSX grammars only: class fields are `public_field_definition`; abstract classes are their own node.
(public_field_definition name: (_) @bind.target value: (_)? @bind.value) @bind.field
(abstract_class_declaration name: (_) @def.name body: (class_body) @def.body) @scope.class
