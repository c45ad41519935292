namespace FilePipeline.States.Jsonata;

internal enum NodeKind
{
    Path,
    Binary,
    Negate,
    ArrayConstructor,
    ObjectConstructor,
    Name,
    Literal,
    Wildcard,
    Descendant,
    Parent,
    Condition,
    Block,
    Bind,
    Regex,
    Function,
    Partial,
    Placeholder,
    Variable,
    Lambda,
    Apply,
    Transform,
    Sort,

    // Parse-tree only: removed (or rejected) by the post-parse pass.
    EndOfInput,
    Predicate,
    GroupBy,
    OrderBy,
    FocusBind,
    IndexBind,
}

/// <summary>A filter <c>[expr]</c> or an index binding <c>#$i</c> applied to a step's results.</summary>
internal sealed record Stage(Node? Filter, string? IndexVariable, int Position);

/// <summary>One term of an order-by clause <c>^(&gt;price)</c>.</summary>
internal sealed record SortTerm(Node Expression, bool Descending);

/// <summary>
/// A node of the expression tree. The parser builds the syntax tree; <see cref="Resolver"/> rewrites it
/// once into the evaluated form (paths as lists of steps, predicates and groupings attached to steps),
/// which <see cref="Evaluator"/> then walks for every input.
/// </summary>
internal sealed class Node(NodeKind kind, int position)
{
    public NodeKind Kind { get; set; } = kind;

    public int Position { get; } = position;

    /// <summary>Operator text, name, literal value or variable name.</summary>
    public object? Value { get; set; }

    public string Text => Value as string ?? string.Empty;

    public Node? Lhs { get; set; }

    public Node? Rhs { get; set; }

    /// <summary>Array constructor items, block expressions, path steps or call arguments.</summary>
    public List<Node> Items { get; set; } = [];

    /// <summary>Object constructor or group-by key/value pairs.</summary>
    public List<(Node Key, Node Value)> Pairs { get; set; } = [];

    public List<SortTerm> Terms { get; set; } = [];

    /// <summary>Filters attached to a non-path expression, e.g. <c>$x[0]</c>.</summary>
    public List<Stage>? Predicates { get; set; }

    /// <summary>Filters and index bindings attached to a step of a path.</summary>
    public List<Stage>? Stages { get; set; }

    /// <summary>A group-by object constructor applied to this expression's results.</summary>
    public Node? Group { get; set; }

    public bool KeepArray { get; set; }

    public bool KeepSingletonArray { get; set; }

    /// <summary>An array constructor used as a path step: its array is not flattened.</summary>
    public bool ConsArray { get; set; }

    /// <summary>This step produces a tuple stream (variable bindings ride along with each item).</summary>
    public bool Tuple { get; set; }

    /// <summary><c>@$v</c>: the step's item is bound to this variable and the context stays unchanged.</summary>
    public string? Focus { get; set; }

    /// <summary><c>#$i</c>: the item's position is bound to this variable.</summary>
    public string? Index { get; set; }

    /// <summary>The label under which this step's input is kept for a later <c>%</c>.</summary>
    public ParentSlot? Ancestor { get; set; }

    /// <summary>For <see cref="NodeKind.Parent"/>: the resolution slot shared with the step that binds it.</summary>
    public ParentSlot? Slot { get; set; }

    /// <summary>Parent slots this expression still needs to resolve against an enclosing step.</summary>
    public List<ParentSlot>? SeekingParent { get; set; }

    public Node? Condition { get; set; }

    public Node? Then { get; set; }

    public Node? Else { get; set; }

    public Node? Body { get; set; }

    public Signature? Signature { get; set; }

    /// <summary>A tail call wrapped so that the caller's trampoline runs it.</summary>
    public bool Thunk { get; set; }

    public Node? Delete { get; set; }
}

/// <summary>Links a <c>%</c> to the step whose input it refers to.</summary>
internal sealed class ParentSlot(string label, int level, int index)
{
    public string Label { get; set; } = label;

    public int Level { get; set; } = level;

    public int Index { get; } = index;
}
