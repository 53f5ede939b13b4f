; Prompt Auditor extraction query for Python. Run once per tree; extract/index.ts buckets the captures.
; Capture names are the contract with fileindex.ts (collect): call.*, bind*, scope*, loop*, import, comment, message, prompt_arg.
; Text conditions (a key named "role", a comment mentioning prompt-audit) are checked there, from the source text:
; a query predicate would read every candidate node's text through wasm.

; Every call, by the name it is called by (`create` in client.chat.completions.create, `GenerativeModel`...): the call
; node is the name's parent (@call.name) or grandparent (@call.member), read only for the calls that matter.
(call function: (identifier) @call.name)
(call function: (attribute attribute: (identifier) @call.member))

; Names bound to a value.
; (A plain name is the match's main capture, @assign.name / @augment.name: the assignment is not captured, its span
; runs from the name to the end of the value.)
(assignment left: (identifier) @assign.name right: (_)? @bind.value)
(assignment left: [(attribute) (subscript) (pattern_list) (tuple_pattern) (list_pattern)] @bind.target right: (_)? @bind.value) @bind
(augmented_assignment left: (identifier) @augment.name right: (_) @bind.value)
(augmented_assignment left: (attribute) @bind.target right: (_) @bind.value) @bind.augment

; Names bound to something unknown: they shadow outer names of the same spelling.
(as_pattern alias: (as_pattern_target) @bind.target) @bind.opaque
; A comprehension's `for` target takes each item of what it iterates in turn.
(for_in_clause left: (identifier) @bind.name right: (_) @bind.value) @bind.item
(for_in_clause left: [(pattern_list) (tuple_pattern) (list_pattern)] @bind.target right: (_) @bind.value) @bind.item
(named_expression name: (identifier) @assign.name value: (_) @bind.value)

; Definitions and scopes. A scope's own names start after its name (@def.name), at the start of a lambda, or at a
; class body (@def.body); parameters are read from the scope node when a lookup first needs them.
(function_definition name: (identifier) @def.name) @scope.function
(class_definition name: (identifier) @def.name body: (block) @def.body) @scope.class
(lambda) @scope.function

[(import_statement) (import_from_statement)] @import

(comment) @comment

; Syntax errors: a half-typed API call (brackets not closed yet) is read back out of them.
(ERROR) @error

; Message-shaped dictionaries ({"role": ..., "content": ...}) anywhere, for prompts that reach no call in this file.
; ("role" may be any entry; a dictionary has one such key, so it is one candidate match.)
; (Only the key is captured: the dictionary is read, three levels up, for the keys that are "role".)
(pair key: (string (string_content) @message.string))

; Prompt-like keyword arguments at any call (Agent(instructions=...), llm_call(system_prompt=...)), for prompts that
; reach no API call in this file.
; (Only the name is captured: the argument is its parent, read for the names that are prompt-like.)
(keyword_argument name: (identifier) @prompt_arg.key value: [(string) (concatenated_string)])

; Loops over data: a call in a loop body runs once per item. A `for` target takes each item of what the loop
; iterates (@loop.items) in turn; a comprehension is also a scope of its own.
(for_statement left: (identifier) @bind.name right: (_) @loop.items body: (_) @loop.body) @loop.for
(for_statement left: [(pattern_list) (tuple_pattern) (list_pattern)] @bind.target right: (_) @loop.items body: (_) @loop.body) @loop.for
(while_statement body: (_) @loop.body) @loop.while
(list_comprehension body: (_) @loop.body) @loop.comprehension
(set_comprehension body: (_) @loop.body) @loop.comprehension
(dictionary_comprehension body: (_) @loop.body) @loop.comprehension
(generator_expression body: (_) @loop.body) @loop.comprehension
; map(lambda t: ..., xs), executor.map(lambda t: ..., xs), pool.imap(...): the lambda runs once per item (which
; function names count is decided in fileindex.ts, LOOP_METHODS).
(call function: (identifier) @loop.method arguments: (argument_list . (lambda) @loop.body)) @loop.map
(call function: (attribute attribute: (identifier) @loop.method) arguments: (argument_list . (lambda) @loop.body)) @loop.map
