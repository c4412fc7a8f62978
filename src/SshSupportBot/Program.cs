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
    ProbeCommand.Create(),
    ReviewCommand.Create(),
    StatsCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
