namespace FilePipeline.Host.Template;

/// <summary>The pseudo parameters a local stack resolves: a fixed account and region, and the stack name of aws-lambda-tools-defaults.json.</summary>
public sealed record LocalAwsIdentity(string StackName, string AccountId = "123456789012", string Region = "us-east-1")
{
    public string LambdaArn(string functionName) => $"arn:aws:lambda:{Region}:{AccountId}:function:{functionName}";

    public string QueueArn(string queueName) => $"arn:aws:sqs:{Region}:{AccountId}:{queueName}";

    public string QueueUrl(string queueName) => $"https://sqs.{Region}.amazonaws.com/{AccountId}/{queueName}";

    public string TableArn(string tableName) => $"arn:aws:dynamodb:{Region}:{AccountId}:table/{tableName}";

    public string StateMachineArn(string name) => $"arn:aws:states:{Region}:{AccountId}:stateMachine:{name}";
}
