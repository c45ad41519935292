namespace FilePipeline.Aws.Stack;

/// <summary>
/// A resource of the deployed stack that a command needs: the name the template gives it (resolved
/// with the stack's name, account and region, as CloudFormation resolves it), or else the template
/// output that returns it (CloudFormation generated its name).
/// </summary>
public sealed record StackResource(string LogicalId, StackResourceKind Kind, string? ExplicitName, string? OutputKey);

/// <summary>What a resource is, which says what its Ref (an output's value) holds.</summary>
public enum StackResourceKind
{
    Bucket,
    Queue,
    Table,
    StateMachine,
    LogGroup,
    Function,
}
