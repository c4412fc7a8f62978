using SshSupportBot.Common;
using System.CommandLine;
using SshSupportBot.Cli;

var root = new RootCommand("SshSupportBot: answers SSH questions about the NIG supercomputer and diagnoses pasted OpenSSH output.")
{
    ChatCommand.Create(),
    AskCommand.Create(),
    DiagnoseCommand.Create(),
    ClassifyCommand.Create(),
    TrainCommand.Create(),
    EvalCommand.Create(),
    IntentsCommand.Create(),
    ServeCommand.Create(),
    HealthCommand.Create(),
    ProbeCommand.Create(),
    ReviewCommand.Create(),
    StatsCommand.Create(),
    TestCommand.Create(),
    CheckAccountCommand.Create(),
};
// System.CommandLine ends the process 2 s after SIGTERM by default; give serve's graceful shutdown its full bound.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = SshSupportBot.Common.ShutdownGrace.Timeout + TimeSpan.FromSeconds(5) });
