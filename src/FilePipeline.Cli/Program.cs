using FilePipeline.Cli;
using FilePipeline.Cli.Pipeline;

return await CliRoot.Create(CliEnvironment.Process).Parse(args).InvokeAsync();
