using SshSupportBot.Languages;
using SshSupportBot.Nlu;
using SshSupportBot.Storage;

namespace SshSupportBot.Admin;

/// <summary>A set of queued questions that read alike, shown once with how often it was asked.</summary>
internal sealed record ReviewGroup(ReviewItem First, IReadOnlyList<ReviewItem> Items)
{
    public int Count => Items.Count;
}

/// <summary>
/// Groups the queue by similar text: the same normalised text, or enough shared character trigrams (which works
/// for Japanese without a tokenizer). Greedy and quadratic, which is fine for a queue an admin reads.
/// </summary>
internal static class ReviewGroups
{
    public const double Similarity = 0.5;

    public static IReadOnlyList<ReviewGroup> Group(IReadOnlyList<ReviewItem> items)
    {
        var groups = new List<(HashSet<string> Grams, List<ReviewItem> Items)>();
        foreach (var item in items.OrderBy(i => i.At))
        {
            var grams = Trigrams(item.Text);
            var home = groups.FirstOrDefault(g => Jaccard(g.Grams, grams) >= Similarity);
            if (home.Items is null)
            {
                groups.Add((grams, [item]));
            }
            else
            {
                home.Items.Add(item);
            }
        }
        return groups.Select(g => new ReviewGroup(g.Items[0], g.Items)).OrderByDescending(g => g.Count).ThenBy(g => g.First.At).ToList();
    }

    private static HashSet<string> Trigrams(string text)
    {
        var normalized = " " + string.Join(' ', TextNormalizer.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)) + " ";
        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 3 <= normalized.Length; i++)
        {
            grams.Add(normalized.Substring(i, 3));
        }
        return grams;
    }

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return 1;
        }
        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }
}
