using ArchUnitNET.Domain;
using ArchUnitNET.Loader;

namespace SshSupportBot.Tests.Architecture;

/// <summary>
/// Which source folder uses which, read from the compiled assembly (every type reference in signatures, fields and
/// method bodies), so a `using` nobody needs adds no edge and a fully qualified name cannot hide one.
/// Folders are the namespaces one level under SshSupportBot; the top-level program is "Program".
/// </summary>
internal sealed class FolderGraph
{
    private const string Root = "SshSupportBot";

    private FolderGraph(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> edges) => Edges = edges;

    /// <summary>Folder → folders it uses, each with one example "Type → Type" that makes the edge.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Edges { get; }

    public IEnumerable<string> Folders => Edges.Keys.Concat(Edges.Values.SelectMany(v => v.Keys)).Distinct().Order(StringComparer.Ordinal);

    public static FolderGraph OfTheBot()
    {
        var architecture = new ArchLoader().LoadAssemblies(typeof(SshSupportBot.Conversations.BotReply).Assembly).Build();
        var edges = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in architecture.Types)
        {
            if (FolderOf(type) is not { } from)
            {
                continue;
            }
            if (!edges.TryGetValue(from, out var targets))
            {
                edges[from] = targets = new SortedDictionary<string, string>(StringComparer.Ordinal);
            }
            foreach (var dependency in type.Dependencies)
            {
                if (FolderOf(dependency.Target) is { } to && to != from && !targets.ContainsKey(to))
                {
                    targets[to] = $"{Readable(type)} → {Readable(dependency.Target)}";
                }
            }
        }
        return new FolderGraph(edges.ToDictionary(e => e.Key, e => (IReadOnlyDictionary<string, string>)e.Value, StringComparer.Ordinal));
    }

    /// <summary>Every set of folders that reach each other (Tarjan's strongly connected components of two or more).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<IReadOnlyList<string>>();
        var next = 0;

        void Visit(string folder)
        {
            index[folder] = low[folder] = next++;
            stack.Push(folder);
            onStack.Add(folder);
            foreach (var target in Targets(folder))
            {
                if (!index.ContainsKey(target))
                {
                    Visit(target);
                    low[folder] = Math.Min(low[folder], low[target]);
                }
                else if (onStack.Contains(target))
                {
                    low[folder] = Math.Min(low[folder], index[target]);
                }
            }
            if (low[folder] != index[folder])
            {
                return;
            }
            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            }
            while (member != folder);
            if (component.Count > 1)
            {
                component.Sort(StringComparer.Ordinal);
                cycles.Add(component);
            }
        }

        foreach (var folder in Folders.Where(f => !index.ContainsKey(f)))
        {
            Visit(folder);
        }
        return cycles;
    }

    /// <summary>
    /// The graph as Mermaid, with the edges that a longer path already implies left out (a transitive reduction), so the
    /// picture shows the layers rather than every use. Only meaningful once the graph has no cycle.
    /// </summary>
    public string ToMermaid()
    {
        var lines = new List<string> { "```mermaid", "graph TD" };
        foreach (var folder in Folders)
        {
            foreach (var target in Targets(folder).Where(t => !ReachableWithout(folder, t)))
            {
                lines.Add($"  {folder} --> {target}");
            }
        }
        lines.Add("```");
        return string.Join('\n', lines);
    }

    private bool ReachableWithout(string from, string to) =>
        Targets(from).Where(t => t != to).Any(t => Reaches(t, to, new HashSet<string>(StringComparer.Ordinal)));

    private bool Reaches(string from, string to, HashSet<string> seen)
    {
        if (from == to)
        {
            return true;
        }
        return seen.Add(from) && Targets(from).Any(t => Reaches(t, to, seen));
    }

    private IEnumerable<string> Targets(string folder) =>
        Edges.TryGetValue(folder, out var targets) ? targets.Keys : [];

    private static string? FolderOf(IType type)
    {
        var name = type.Namespace.FullName;
        if (string.IsNullOrEmpty(name))
        {
            // Top-level statements compile into a namespace-less Program; other namespace-less types are the compiler's.
            return type.Name.StartsWith("Program", StringComparison.Ordinal) ? "Program" : null;
        }
        if (!name.StartsWith(Root + ".", StringComparison.Ordinal))
        {
            return null;
        }
        var rest = name[(Root.Length + 1)..];
        var dot = rest.IndexOf('.');
        return dot < 0 ? rest : rest[..dot];
    }

    private static string Readable(IType type) => $"{type.Namespace.FullName}.{type.Name}";
}
