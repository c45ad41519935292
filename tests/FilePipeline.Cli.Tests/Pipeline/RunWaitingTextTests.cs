using FilePipeline.Cli.Commands;
using FilePipeline.Host.EventSources;

namespace FilePipeline.Cli.Tests.Pipeline;

public class RunWaitingTextTests
{
    [Fact]
    public void The_waiting_line_says_how_many_messages_and_when_the_next_returns()
    {
        var now = new DateTimeOffset(2026, 12, 6, 5, 0, 0, TimeSpan.Zero);

        var text = RunCommand.WaitingText(new InFlightMessages(2, now.AddSeconds(2159)), now);

        Assert.StartsWith("waiting for 2 in-flight message(s)", text, StringComparison.Ordinal);
        Assert.EndsWith("the next becomes visible again in 35m59s, at 05:35:59 UTC", text, StringComparison.Ordinal);
    }
}
