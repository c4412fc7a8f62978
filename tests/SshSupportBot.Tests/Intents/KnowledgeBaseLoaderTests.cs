using SshSupportBot.Languages;
using SshSupportBot.Authoring;
using SshSupportBot.Intents;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Intents;

public sealed class KnowledgeBaseLoaderTests : IDisposable
{
    private readonly IntentsDirectory _intents = new();

    public void Dispose() => _intents.Dispose();

    private KnowledgeBaseLoadResult Load() => new KnowledgeBaseLoader().Load(_intents.Path);

    private List<string> Errors(KnowledgeBaseLoadResult result) =>
        result.Issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => i.ToString()).ToList();

    [Fact]
    public void Loads_valid_intents_with_examples_in_both_languages()
    {
        _intents.WriteIntent("greeting").WriteIntent("thanks");

        var result = Load();

        Assert.False(result.HasErrors);
        Assert.Equal(["greeting", "thanks"], result.KnowledgeBase.Intents.Select(i => i.Id));
        Assert.Equal(15, result.KnowledgeBase.Get("greeting").ExamplesIn(Language.Ja).Count());
        Assert.Equal("greeting answer", result.KnowledgeBase.Get("greeting").Answer.En);
    }

    [Fact]
    public void Reports_a_duplicate_id_with_the_file_that_has_it_first()
    {
        _intents.WriteIntent("greeting").WriteIntent("thanks", examplePrefix: "other ");
        _intents.Write("thanks-again.yaml", File.ReadAllText(Path.Combine(_intents.Path, "thanks.yaml")).Replace("other ", "third "));

        var result = Load();

        Assert.Contains("intents/thanks.yaml:1: error: intent 'thanks': the id is already used by intents/thanks-again.yaml. Give each intent its own id (the file name should be the id).",
            Errors(result));
        Assert.Contains("intents/thanks.yaml", result.SkippedFiles);
    }

    [Fact]
    public void Reports_an_example_listed_under_two_intents()
    {
        _intents.WriteIntent("greeting").WriteIntent("thanks", extra: "");
        var thanks = File.ReadAllText(Path.Combine(_intents.Path, "thanks.yaml")).Replace("thanks example 3", "Greeting  example 3");
        _intents.Write("thanks.yaml", thanks);

        var errors = Errors(Load());

        Assert.Contains("intents/thanks.yaml:26: error: intent 'thanks': the example \"Greeting  example 3\" is also an example of 'greeting' (intents/greeting.yaml:26). Keep it under one intent only.",
            errors);
    }

    [Fact]
    public void Refuses_an_intent_whose_answer_still_says_todo_so_users_never_read_the_placeholder()
    {
        _intents.WriteIntent("greeting").WriteIntent("thanks");
        _intents.Write("thanks.yaml", File.ReadAllText(Path.Combine(_intents.Path, "thanks.yaml")).Replace("thanks answer", "TODO English answer"));

        var result = Load();

        Assert.Contains(Errors(result), e => e.Contains("intent 'thanks': 'answer' still says TODO", StringComparison.Ordinal));
        Assert.Equal(["greeting"], result.KnowledgeBase.Intents.Select(i => i.Id));
    }

    [Fact]
    public void Reports_too_few_examples_with_the_count_and_the_minimum()
    {
        _intents.WriteIntent("greeting", count: 3);

        Assert.Contains("intents/greeting.yaml:7: error: intent 'greeting': only 3 Japanese examples; at least 15 are needed. Add more of the ways users really write this question.",
            Errors(Load()));
    }

    [Fact]
    public void Reports_a_missing_language()
    {
        _intents.Write("greeting.yaml", """
            version: 1
            id: greeting
            title: {ja: 挨拶, en: Greeting}
            examples:
              ja: [こんにちは, おはよう, こんばんは, どうも, やあ, はじめまして, よろしく, ちわっす, こんにちわ, おはようございます, お疲れさまです, もしもし, ハロー, おっす, ごきげんよう]
            answer:
              ja: こんにちは！
            """);

        var errors = Errors(Load());

        Assert.Contains("intents/greeting.yaml:4: error: intent 'greeting': there are no English examples. Add 'en:' under 'examples' with at least 15 examples.", errors);
        Assert.Contains("intents/greeting.yaml:6: error: intent 'greeting': there is no English answer. Add 'en:' under 'answer'.", errors);
    }

    [Fact]
    public void Reports_an_unknown_related_intent_at_its_line()
    {
        _intents.WriteIntent("greeting", extra: "related:\n  - thanks\n  - no-such-intent\n").WriteIntent("thanks");

        Assert.Equal(["intents/greeting.yaml:44: error: intent 'greeting': 'related' names 'no-such-intent', which is not an intent id. Use an id listed by 'sshbot intents list', or remove it."],
            Errors(Load()));
    }

    [Fact]
    public void Reports_a_flow_reference_without_a_flow_file()
    {
        _intents.WriteIntent("greeting", extra: "flow: greeting-walkthrough\n");

        Assert.Equal(["intents/greeting.yaml:42: error: intent 'greeting': 'flow' names 'greeting-walkthrough', but there is no valid flow with that id (expected in greeting-walkthrough.flow.yaml). Add the flow file or remove 'flow'."],
            Errors(Load()));
    }

    [Fact]
    public void Reports_a_pattern_that_does_not_compile()
    {
        _intents.WriteIntent("greeting", extra: "patterns:\n  - 'Permission denied (publickey'\n");

        var error = Assert.Single(Errors(Load()));
        Assert.StartsWith("intents/greeting.yaml:43: error: intent 'greeting': the pattern 'Permission denied (publickey' does not compile (", error);
        Assert.EndsWith("). Fix the regular expression; to match ( ) . [ literally write \\( \\) \\. \\[.", error);
    }

    [Fact]
    public void Reports_invalid_yaml_with_its_line_and_keeps_the_other_files()
    {
        _intents.WriteIntent("greeting");
        _intents.Write("thanks.yaml", "version: 1\nid: thanks\nexamples:\n  ja: [ありがとう\n  en: thanks\n");

        var result = Load();

        var error = Assert.Single(Errors(result));
        Assert.StartsWith("intents/thanks.yaml:", error);
        Assert.Contains(": error: the file is not valid YAML (", error);
        Assert.EndsWith("Check the indentation, and put text containing ':' '#' or quotes in single quotes or a '|' block.", error);
        Assert.Equal(["greeting"], result.KnowledgeBase.Intents.Select(i => i.Id));
        Assert.Contains(result.Issues, i => i.ToString() == "intents/thanks.yaml:1: warning: this file is skipped until its errors are fixed; the rest of the knowledge base is used.");
    }

    [Fact]
    public void Reports_a_missing_version_and_an_unknown_key()
    {
        _intents.WriteIntent("greeting");
        var text = File.ReadAllText(Path.Combine(_intents.Path, "greeting.yaml")).Replace("version: 1\n", "") + "synonyms: [hi]\n";
        _intents.Write("greeting.yaml", text);

        var result = Load();

        Assert.Contains("intents/greeting.yaml:1: error: intent 'greeting': the 'version' key is missing. Add 'version: 1' at the top of the file.", Errors(result));
        Assert.Contains(result.Issues, i => i.ToString() == "intents/greeting.yaml:41: warning: intent 'greeting': unknown key 'synonyms' is ignored. The keys an intent file may have are: version, id, title, examples, answer, details, facts, flow, related, patterns.");
    }

    [Fact]
    public void Changes_the_content_hash_when_any_file_changes()
    {
        _intents.WriteIntent("greeting");
        var before = Load().KnowledgeBase.ContentHash;

        _intents.WriteIntent("greeting", count: 16);

        Assert.NotEqual(before, Load().KnowledgeBase.ContentHash);
    }

    [Fact]
    public void The_repository_knowledge_base_passes_strict_validation()
    {
        var result = new KnowledgeBaseLoader().Load(RepositoryPaths.Intents);

        Assert.Empty(result.Issues.Select(i => i.ToString()));
    }

    [Fact]
    public void The_repository_knowledge_base_has_every_catalogue_intent()
    {
        var catalogue = new[]
        {
            "permission-denied-publickey", "file-permissions", "key-mismatch", "wrong-username", "host-key-changed", "host-key-confirm",
            "connection-drops", "wsl-login", "ssh-logs", "gateway-node", "key-generation", "key-registration", "unprotected-private-key",
            "passphrase", "too-many-auth-failures", "connection-failed", "ssh-config", "windows-openssh", "key-algorithm",
            "private-key-exposed", "bot-help", "greeting", "thanks",
        };
        var knowledgeBase = new KnowledgeBaseLoader().Load(RepositoryPaths.Intents).KnowledgeBase;

        Assert.All(catalogue, id => Assert.NotNull(knowledgeBase.Find(id)));
        Assert.NotNull(knowledgeBase.OutOfScope);
    }
}
