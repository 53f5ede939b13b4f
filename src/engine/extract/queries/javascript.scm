; Prompt Auditor extraction query for JavaScript and TypeScript (plus the grammar-specific file: javascript-only.scm
; or typescript-only.scm). Run once per tree; capture names are the contract with collect.ts.

; Every call and `new`, by the name it is called by: the call node is the name's parent (@call.name) or grandparent
; (@call.member), read only for the calls that matter. (Text conditions, like a key named role, are checked in
; fileindex.ts from the source text: a query predicate would read every candidate's text through wasm.)
(call_expression function: (identifier) @call.name)
(call_expression function: (member_expression property: (property_identifier) @call.member))
(new_expression constructor: (identifier) @call.name)
(new_expression constructor: (member_expression property: (property_identifier) @call.member))

; Names bound to a value.
; `var` is function-scoped; let/const are block-scoped.
; (A plain name is the match's main capture, @var.name / @assign.name / @augment.name: the declarator or assignment
; is not captured, its span runs from the name to the end of the value.)
(variable_declaration (variable_declarator name: (identifier) @var.name value: (_)? @bind.value))
(variable_declaration (variable_declarator name: [(object_pattern) (array_pattern)] @bind.target value: (_)? @bind.value) @bind.var)
(lexical_declaration (variable_declarator name: (identifier) @assign.name value: (_)? @bind.value))
(lexical_declaration (variable_declarator name: [(object_pattern) (array_pattern)] @bind.target value: (_)? @bind.value) @bind)
(assignment_expression left: (identifier) @assign.name right: (_) @bind.value)
(assignment_expression left: [(member_expression) (subscript_expression) (object_pattern) (array_pattern)] @bind.target right: (_) @bind.value) @bind
(augmented_assignment_expression left: (identifier) @augment.name right: (_) @bind.value)
(augmented_assignment_expression left: (member_expression) @bind.target right: (_) @bind.value) @bind.augment

; Names bound to something unknown.
(catch_clause parameter: (_) @bind.target) @bind.opaque

; Definitions and scopes. A scope's own names start after its name (@def.name), at the start of an anonymous
; function, or at a class body (@def.body); parameters are read from the scope node when a lookup first needs them.
(function_declaration name: (identifier) @def.name) @scope.function
(generator_function_declaration name: (identifier) @def.name) @scope.function
(class_declaration name: (_) @def.name body: (class_body) @def.body) @scope.class
(function_expression) @scope.function
(generator_function) @scope.function
; A class method binds its name in the class body (`this.name(...)` calls it); an object literal's method does not
; (fileindex.ts tells them apart by the method's parent).
(method_definition name: (_) @def.method) @scope.function
(arrow_function) @scope.function
(class body: (class_body) @def.body) @scope.class
; Every block is a scope (for its let/const/class/function declarations); `for` statements scope their own
; declarations (see the loop patterns below). (Matching only blocks that declare something would keep a query state
; alive through every block's whole subtree: slower than a scope entry per block.)
(statement_block) @scope.block

(import_statement) @import

(comment) @comment

; Syntax errors: a half-typed API call (brackets not closed yet) is read back out of them.
(ERROR) @error

; Message-shaped objects ({ role: ..., content: ... }) anywhere.
; (role may be any entry; an object has one such key, so it is one candidate match.)
; (Only the key is captured: the object is read, two or three levels up, for the keys that are role.)
(pair key: (property_identifier) @message.name)
(pair key: (string (string_fragment) @message.string))

; Prompt-like object keys anywhere ({ systemPrompt: "..." }, new Agent({ instructions: "..." })).
; (Only the key is captured: the pair is its parent, read for the keys that are prompt-like.)
(pair key: (property_identifier) @prompt_arg.key value: [(string) (template_string)])

; Loops over data: a call in a loop body or in a map/forEach callback runs once per item.
(for_statement body: (_) @loop.body) @loop.for
; `for (x of xs)`: x takes each item of xs (@loop.items); `for (k in obj)`: the keys, unknown here.
(for_in_statement left: (identifier) @bind.name operator: "of" right: (_) @loop.items body: (_) @loop.body) @loop.for
(for_in_statement left: (identifier) @bind.name operator: "in" body: (_) @loop.body) @loop.for
(for_in_statement left: [(object_pattern) (array_pattern)] @bind.target operator: "of" right: (_) @loop.items body: (_) @loop.body) @loop.for
(for_in_statement left: [(object_pattern) (array_pattern)] @bind.target operator: "in" body: (_) @loop.body) @loop.for
(for_in_statement left: [(member_expression) (subscript_expression)] body: (_) @loop.body) @loop.for
(while_statement body: (_) @loop.body) @loop.while
(do_statement body: (_) @loop.body) @loop.while
(call_expression
  function: (member_expression property: (property_identifier) @loop.method)
  arguments: (arguments . [(arrow_function) (function_expression)] @loop.body)) @loop.map
