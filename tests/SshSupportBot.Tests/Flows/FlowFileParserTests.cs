using SshSupportBot.Authoring;
using SshSupportBot.Intents;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Flows;

public sealed class FlowFileParserTests : IDisposable
{
    private readonly IntentsDirectory _intents = new();

    public void Dispose() => _intents.Dispose();

    private List<string> Errors() => new KnowledgeBaseLoader().Load(_intents.Path).Issues
        .Where(i => i.Severity == IssueSeverity.Error).Select(i => i.ToString()).ToList();

    [Fact]
    public void Accepts_a_flow_whose_steps_all_connect()
    {
        _intents.WriteIntent("greeting", extra: "flow: hello\n").Write("hello.flow.yaml", """
            version: 1
            id: hello
            title: {ja: 挨拶, en: Hello}
            start: ask
            steps:
              - id: ask
                say: {ja: 元気ですか？, en: How are you?}
                choices:
                  - {value: good, label: {ja: 元気, en: Good}, next: done}
              - id: done
                say: {ja: よかった, en: Great}
                end: resolved
            """);

        var result = new KnowledgeBaseLoader().Load(_intents.Path);

        Assert.False(result.HasErrors);
        Assert.Equal("ask", result.KnowledgeBase.Flows["hello"].Start);
    }

    [Fact]
    public void Reports_a_choice_that_goes_to_an_unknown_step()
    {
        _intents.Write("hello.flow.yaml", """
            version: 1
            id: hello
            title: {ja: 挨拶, en: Hello}
            steps:
              - id: ask
                say: {ja: 元気ですか？, en: How are you?}
                choices:
                  - {value: good, label: {ja: 元気, en: Good}, next: finish}
            """);

        Assert.Contains("intents/hello.flow.yaml:5: error: flow 'hello', step 'ask': the choice 'good' goes to 'finish', which is not a step. Fix the step id or add the step.", Errors());
    }

    [Fact]
    public void Reports_a_step_that_cannot_be_reached()
    {
        _intents.Write("hello.flow.yaml", """
            version: 1
            id: hello
            title: {ja: 挨拶, en: Hello}
            steps:
              - id: ask
                say: {ja: 元気ですか？, en: How are you?}
                end: resolved
              - id: orphan
                say: {ja: ここには来ない, en: Never reached}
                end: resolved
            """);

        Assert.Equal(["intents/hello.flow.yaml:8: error: flow 'hello', step 'orphan': the step cannot be reached from the start step 'ask'. Point a 'next', 'on' or choice at it, or remove it."], Errors());
    }

    [Fact]
    public void Reports_a_step_text_missing_a_language()
    {
        _intents.Write("hello.flow.yaml", """
            version: 1
            id: hello
            title: {ja: 挨拶, en: Hello}
            steps:
              - id: ask
                say: {en: How are you?}
                end: resolved
            """);

        Assert.Equal(["intents/hello.flow.yaml:6: error: flow 'hello', step 'ask': 'say' has no Japanese text. Add 'ja:' under 'say'."], Errors());
    }

    [Fact]
    public void Reports_a_paste_step_without_both_outcomes_and_a_step_with_no_way_forward()
    {
        _intents.Write("hello.flow.yaml", """
            version: 1
            id: hello
            title: {ja: 挨拶, en: Hello}
            steps:
              - id: paste
                say: {ja: 貼ってください, en: Paste it}
                expect: paste
                on: {problem: stuck}
              - id: stuck
                say: {ja: 行き止まり, en: Dead end}
            """);

        var errors = Errors();

        Assert.Contains("intents/hello.flow.yaml:5: error: flow 'hello', step 'paste': a step with 'expect: paste' needs 'on:' with both 'problem:' and 'ok:' (the steps to go to).", errors);
        Assert.Contains("intents/hello.flow.yaml:9: error: flow 'hello', step 'stuck': the step has no way forward. Give it 'choices', 'expect: paste', 'next' or 'end'.", errors);
    }
}
