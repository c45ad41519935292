namespace FilePipeline.Functions.Runtime;

/// <summary>The calling mobile application, as Amazon.Lambda.Core's.</summary>
public interface IClientApplication
{
    string AppPackageName { get; }

    string AppTitle { get; }

    string AppVersionCode { get; }

    string AppVersionName { get; }

    string InstallationId { get; }
}
