namespace SshSupportBot.Nlu;

// ML.NET binds columns by reflection over public members, so these two types must be public.
public sealed class ModelInput
{
    public string Text { get; set; } = "";

    public string Label { get; set; } = "";
}

public sealed class ModelOutput
{
    public float[] Score { get; set; } = [];
}
