using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using FilePipeline.Aws.Protocol;

namespace FilePipeline.Aws.StepFunctions;

/// <summary>
/// The two Step Functions operations the pipeline calls, over the JSON 1.0 protocol (AWSSDK.StepFunctions
/// is not available here). StartSyncExecution goes to the <c>sync-states</c> host.
/// </summary>
public sealed class StepFunctionsClient(AwsJsonClient client, AwsJsonEndpoint endpoint, AwsJsonEndpoint syncEndpoint)
{
    /// <summary>Above the 5-minute limit of an express execution, which StartSyncExecution waits for (.NET's default is 100 s).</summary>
    public static readonly TimeSpan HttpTimeout = TimeSpan.FromMinutes(6);

    private const string TargetPrefix = "AWSStepFunctions";

    /// <summary>
    /// A client configured the way the AWS SDKs are: region from <c>AWS_REGION</c>, endpoints from
    /// <c>AWS_ENDPOINT_URL_SFN</c>/<c>AWS_ENDPOINT_URL</c>, credentials from AWSSDK.Core's default chain.
    /// </summary>
    public static StepFunctionsClient FromEnvironment(Func<string, string?>? environment = null, AWSCredentials? credentials = null, HttpMessageHandler? handler = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var region = AwsJsonEndpoint.RegionFrom(environment);
        var http = handler is null ? new HttpClient() : new HttpClient(handler);
        http.Timeout = HttpTimeout;
        var json = new AwsJsonClient(http, credentials ?? DefaultAWSCredentialsIdentityResolver.GetCredentials(), TimeProvider.System);
        return new StepFunctionsClient(
            json,
            AwsJsonEndpoint.Resolve("SFN", "states", region, "states", TargetPrefix, environment),
            AwsJsonEndpoint.Resolve("SFN", "sync-states", region, "states", TargetPrefix, environment));
    }

    public async Task<StartSyncExecutionResponse> StartSyncExecutionAsync(string stateMachineArn, string? name, string input, string? traceHeader, CancellationToken cancellationToken)
    {
        var response = await client.SendAsync(syncEndpoint, "StartSyncExecution", Request(stateMachineArn, name, input, traceHeader), cancellationToken).ConfigureAwait(false);
        return new StartSyncExecutionResponse(
            Required(response, "executionArn"),
            ParseStatus(Required(response, "status")),
            EpochSeconds(response["startDate"]),
            EpochSeconds(response["stopDate"]),
            (string?)response["output"],
            (string?)response["error"],
            (string?)response["cause"]);
    }

    public async Task<StartExecutionResponse> StartExecutionAsync(string stateMachineArn, string? name, string input, string? traceHeader, CancellationToken cancellationToken)
    {
        var response = await client.SendAsync(endpoint, "StartExecution", Request(stateMachineArn, name, input, traceHeader), cancellationToken).ConfigureAwait(false);
        return new StartExecutionResponse(Required(response, "executionArn"), EpochSeconds(response["startDate"]));
    }

    private static JsonObject Request(string stateMachineArn, string? name, string input, string? traceHeader)
    {
        var request = new JsonObject { ["stateMachineArn"] = stateMachineArn, ["input"] = input };
        if (name is not null)
        {
            request["name"] = name;
        }

        if (traceHeader is not null)
        {
            request["traceHeader"] = traceHeader;
        }

        return request;
    }

    private static string Required(JsonObject response, string name) =>
        (string?)response[name] ?? throw new AwsServiceException("InvalidResponse", $"The response has no '{name}'.", System.Net.HttpStatusCode.OK, null);

    private static SyncExecutionStatus ParseStatus(string status) => status switch
    {
        "SUCCEEDED" => SyncExecutionStatus.Succeeded,
        "FAILED" => SyncExecutionStatus.Failed,
        "TIMED_OUT" => SyncExecutionStatus.TimedOut,
        _ => throw new AwsServiceException("InvalidResponse", $"Unknown execution status '{status}'.", System.Net.HttpStatusCode.OK, null),
    };

    // Timestamps come as epoch seconds with a fraction (e.g. 1.700000000123E9).
    private static DateTimeOffset? EpochSeconds(JsonNode? value) => value is null
        ? null
        : DateTimeOffset.UnixEpoch.AddMilliseconds(Math.Round(double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) * 1000));
}
