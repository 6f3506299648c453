using System.CommandLine;
using System.CommandLine.Invocation;

namespace HomelabManager.Cli;

/// <summary>Prints this tool's version (not the host process's entry assembly, as the default action would).</summary>
internal sealed class VersionAction(CliHost host) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        host.Out.WriteLine(ToolVersion.Current);
        return ExitCodes.Ok;
    }
}
