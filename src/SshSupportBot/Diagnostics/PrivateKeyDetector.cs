using System.Text.RegularExpressions;
using static SshSupportBot.Diagnostics.Base64Text;

namespace SshSupportBot.Diagnostics;

/// <summary>
/// Finds private keys in a user's text, whatever was copied of them: armoured PEM and ssh.com blocks, PuTTY .ppk files,
/// an END line whose BEGIN was not copied, a bare base64 body that decodes to a private-key structure, and the rest of a
/// key the previous message of the conversation started.
/// </summary>
/// <remarks>
/// Termination and linear time, by construction: markers are found in one pass of a regex (linear in
/// the text, every quantifier being bounded); then every marker is visited once, in order, and the scan position only moves forward: each marker's key
/// ends at or after its marker, and the next marker is considered only from that end on. Between markers, text is read
/// at most twice (once for bare bodies, once backwards from an END line, never before the previous key's end). Nothing
/// beyond <see cref="MaxScannedCharacters"/> is read.
/// </remarks>
internal static partial class PrivateKeyDetector
{
    /// <summary>More than the analyzers ever read (<see cref="PasteWindow.MaxCharacters"/>); a longer text is cut here.</summary>
    public const int MaxScannedCharacters = 2 * PasteWindow.MaxCharacters;

    /// <summary>A BEGIN line is closed only by an END line within this distance; real keys are a few kilobytes.</summary>
    private const int MaxKeyCharacters = 64 * 1024;

    /// <summary>The shortest run of base64 that counts as key material rather than a quoted marker.</summary>
    private const int MaterialRun = 40;

    /// <summary>Markers of other kinds a key may hold before its closing line (Proc-Type in PEM, Private-Lines in .ppk).</summary>
    private const int MaxInnerMarkers = 4;

    private enum Kind
    {
        Begin,
        End,
        Putty,
        PrivateLines,
        Mac,
        ProcType,
    }

    private readonly record struct Marker(Kind Kind, int Index, int End);

    // Every quantifier is bounded ({3,5}, {1,20}, {0,4}, {1,6}), so a match attempt reads at most a few hundred characters
    // from its start and the scan is linear in the text; compiled at build time, so there is no start-up cost either.
    [GeneratedRegex(@"-{3,5} ?(?:BEGIN|END) (?:[A-Z0-9]{1,20} ){0,4}PRIVATE KEY(?: BLOCK)? ?-{3,5}"
        + @"|PuTTY-User-Key-File-[0-9]{1,3}:|Private-Lines: ?[0-9]{1,6}|Private-MAC:|Proc-Type: ?4,ENCRYPTED", RegexOptions.CultureInvariant)]
    private static partial Regex Markers();

    // Only ever given a line of at most 251 characters.
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9-]{1,40}: .{0,200}$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderLine();

    /// <param name="continuesKey">The previous message of this conversation ended inside a key.</param>
    public static KeyScan Find(string text, bool continuesKey = false) => new Scan(text, continuesKey).Run();

    private sealed class Scan(string text, bool continuesKey)
    {
        private readonly int _length = Math.Min(text.Length, MaxScannedCharacters);
        private readonly List<KeyRange> _ranges = [];
        private int _position;
        private bool _endsInside;
        private bool _continued;

        public KeyScan Run()
        {
            var markers = FindMarkers();
            var next = 0;
            if (continuesKey)
            {
                next = ContinueKey(markers);
            }
            for (; next < markers.Count; next++)
            {
                var marker = markers[next];
                if (marker.Index < _position)
                {
                    continue;
                }
                FindBareBodies(marker.Index);
                _endsInside = false;
                if (marker.Kind is Kind.End or Kind.Mac)
                {
                    CloseUnopened(marker);
                }
                else
                {
                    next = Open(markers, next);
                }
            }
            FindBareBodies(_length);
            return new KeyScan(_ranges, _endsInside, _continued, _length);
        }

        private List<Marker> FindMarkers()
        {
            var markers = new List<Marker>();
            var span = text.AsSpan(0, _length);
            foreach (var match in Markers().EnumerateMatches(span))
            {
                var value = span.Slice(match.Index, match.Length);
                var kind = value[0] == '-' ? value.Contains("BEGIN", StringComparison.Ordinal) ? Kind.Begin : Kind.End
                    : value.StartsWith("PuTTY") ? Kind.Putty
                    : value.StartsWith("Private-L") ? Kind.PrivateLines
                    : value.StartsWith("Private-M") ? Kind.Mac
                    : Kind.ProcType;
                markers.Add(new Marker(kind, match.Index, match.Index + match.Length));
            }
            return markers;
        }

        /// <summary>The message starts with the rest of the previous message's key: its leading body (and closing line) is key.</summary>
        /// <returns>The first marker still to visit.</returns>
        private int ContinueKey(List<Marker> markers)
        {
            var start = SkipSpaces(0);
            var (end, closed) = BodyEnd(start, afterBody: true);
            var next = 0;
            if (markers.Count > 0 && markers[0].Kind is Kind.End or Kind.Mac && markers[0].Index == SkipSpaces(end))
            {
                end = CloseEnd(markers[0]);
                closed = true;
                next = 1;
            }
            if (end > start)
            {
                _ranges.Add(new KeyRange(start, end, HasKeyMaterial: true));
                _continued = true;
            }
            _endsInside = !closed && SkipSpaces(end) == _length;
            _position = end;
            return next;
        }

        /// <summary>A BEGIN line, a PuTTY header, or a key's inner header found first: the key runs to its closing line or to the end of its body.</summary>
        /// <returns>The last marker this key used.</returns>
        private int Open(List<Marker> markers, int index)
        {
            var marker = markers[index];
            var afterMarker = marker.Kind == Kind.Begin ? marker.End : LineEnd(marker.End);
            var closer = Closer(markers, index);
            int end;
            if (closer >= 0)
            {
                end = CloseEnd(markers[closer]);
                index = closer;
            }
            else
            {
                (end, var closed) = BodyEnd(afterMarker, afterBody: false);
                _endsInside = !closed && SkipSpaces(end) == _length;
            }
            end = Math.Max(end, afterMarker);
            _ranges.Add(new KeyRange(marker.Index, end, HasMaterial(afterMarker, end)));
            _position = end;
            return index;
        }

        private static int Closer(List<Marker> markers, int index)
        {
            var opener = markers[index];
            var (inner, closing) = opener.Kind is Kind.Putty or Kind.PrivateLines ? (Kind.PrivateLines, Kind.Mac) : (Kind.ProcType, Kind.End);
            for (var j = index + 1; j < markers.Count && j <= index + 1 + MaxInnerMarkers; j++)
            {
                var candidate = markers[j];
                if (candidate.Index - opener.Index > MaxKeyCharacters)
                {
                    return -1;
                }
                if (candidate.Kind != inner)
                {
                    return candidate.Kind == closing ? j : -1;
                }
            }
            return -1;
        }

        /// <summary>An END line (or Private-MAC) whose start was not copied: the base64 just before it is the key's body.</summary>
        private void CloseUnopened(Marker marker)
        {
            var start = BodyStartBefore(marker.Index, _position);
            var end = CloseEnd(marker);
            if (start == marker.Index && _ranges.Count > 0 && _ranges[^1].End == _position && SkipSpaces(_position) == marker.Index)
            {
                _ranges[^1] = _ranges[^1] with { End = end };
            }
            else
            {
                _ranges.Add(new KeyRange(start, end, HasMaterial(start, marker.Index)));
            }
            _position = end;
        }

        private int CloseEnd(Marker marker) => marker.Kind == Kind.Mac ? LineEnd(marker.End) : marker.End;

        /// <summary>Base64 words in [position, to) that decode to the start of a private key, with the body that follows them.</summary>
        private void FindBareBodies(int to)
        {
            var i = _position;
            while (i < to)
            {
                if (!IsBase64Char(text[i]))
                {
                    i++;
                    continue;
                }
                var wordEnd = i;
                while (wordEnd < to && IsBase64Char(text[wordEnd]))
                {
                    wordEnd++;
                }
                if (wordEnd - i >= 16 && PrivateKeyStructure.StartsPrivateKey(text, i))
                {
                    var (bodyEnd, closed) = BodyEnd(i, afterBody: false);
                    var end = Math.Clamp(bodyEnd, wordEnd, to);
                    _ranges.Add(new KeyRange(i, end, HasKeyMaterial: true));
                    _endsInside = !closed && SkipSpaces(end) == _length;
                    i = end;
                    _position = end;
                }
                else
                {
                    i = wordEnd;
                }
            }
        }

        /// <summary>
        /// Where a key's body ends: lines of base64 (or a chat client's one long line of base64 words), "Name: value"
        /// headers, and a blank line only after the marker or headers (encrypted PEM). Reads each character at most
        /// once and stops at the first one that is not body, so a long line after a marker is not read to its end.
        /// </summary>
        /// <param name="afterBody">The text starts in the middle of a body, so a short first line may be its last line.</param>
        /// <returns>The end, and whether a .ppk file's Private-MAC line closed the key there.</returns>
        private (int End, bool Closed) BodyEnd(int from, bool afterBody)
        {
            var position = from;
            var end = from;
            var allowBlank = true;
            var tailAllowed = afterBody;
            while (position < _length)
            {
                var first = SkipBlanks(position);
                if (first == _length || IsLineBreak(text[first]))
                {
                    if (position != from && !allowBlank)
                    {
                        break;
                    }
                    position = first == _length ? _length : NextLineStart(first);
                    continue;
                }
                if ((position == 0 || IsLineBreak(text[position - 1])) && ShortLineEnd(first) is var headerEnd and >= 0
                    && HeaderLine().IsMatch(text.AsSpan(first, headerEnd - first)))
                {
                    end = headerEnd;
                    if (text.AsSpan(first).StartsWith("Private-MAC:", StringComparison.Ordinal))
                    {
                        return (end, true);
                    }
                    allowBlank = true;
                    tailAllowed = false;
                    position = NextLineStart(headerEnd);
                    continue;
                }
                var (consumed, words, lastWidth) = ConsumeWords(first, tailAllowed);
                if (words == 0)
                {
                    break;
                }
                end = consumed;
                allowBlank = false;
                tailAllowed = words == 1 && lastWidth >= MaterialRun;
                var after = SkipBlanks(consumed);
                if (after < _length && !IsLineBreak(text[after]))
                {
                    break;
                }
                position = after == _length ? _length : NextLineStart(after);
            }
            return (end, false);
        }

        /// <summary>The base64 words at the start of one line: long ones, padded ones, or a short last line right after a full one.</summary>
        private (int End, int Words, int LastWidth) ConsumeWords(int from, bool tailAllowed)
        {
            var i = from;
            var end = from;
            var words = 0;
            var width = 0;
            while (i < _length && !IsLineBreak(text[i]))
            {
                i = SkipBlanks(i);
                var start = i;
                while (i < _length && IsBase64Char(text[i]))
                {
                    i++;
                }
                var length = i - start;
                if (length == 0)
                {
                    break;
                }
                var afterWord = SkipBlanks(i);
                var alone = words == 0 && (afterWord == _length || IsLineBreak(text[afterWord]));
                if (!(length >= 16 || text[i - 1] == '=' || (alone && tailAllowed && LooksLikeBase64Tail(text.AsSpan(start, length)))))
                {
                    break;
                }
                end = i;
                words++;
                width = length;
                if (i < _length && !IsSpace(text[i]))
                {
                    break;
                }
            }
            return (end, words, width);
        }

        /// <summary>Walks back from an END line over the body's base64 words, never before <paramref name="floor"/>.</summary>
        private int BodyStartBefore(int index, int floor)
        {
            var start = index;
            var position = index;
            var last = true;
            while (true)
            {
                var wordEnd = position;
                while (wordEnd > floor && IsSpace(text[wordEnd - 1]))
                {
                    wordEnd--;
                }
                var wordStart = wordEnd;
                while (wordStart > floor && IsBase64Char(text[wordStart - 1]))
                {
                    wordStart--;
                }
                var length = wordEnd - wordStart;
                var word = text.AsSpan(wordStart, length);
                if (length == 0 || !(length >= 16 || word[^1] == '=' || (last && LooksLikeBase64Tail(word))))
                {
                    return start;
                }
                start = wordStart;
                if (wordStart > floor && !IsSpace(text[wordStart - 1]))
                {
                    return start;
                }
                position = wordStart;
                last = false;
            }
        }

        private bool HasMaterial(int from, int to)
        {
            var run = 0;
            for (var i = from; i < to; i++)
            {
                var c = text[i];
                run = IsBase64Char(c) && c != '=' ? run + 1 : 0;
                if (run >= MaterialRun)
                {
                    return true;
                }
            }
            return false;
        }

        private int LineEnd(int from)
        {
            var i = from;
            while (i < _length && !IsLineBreak(text[i]))
            {
                i++;
            }
            return i;
        }

        private int NextLineStart(int lineEnd) =>
            lineEnd + 1 < _length && text[lineEnd] == '\r' && text[lineEnd + 1] == '\n' ? lineEnd + 2 : lineEnd + 1;

        private int SkipSpaces(int from)
        {
            var i = from;
            while (i < _length && IsSpace(text[i]))
            {
                i++;
            }
            return i;
        }

        /// <summary>The end of a line short enough to be a header, or -1 without reading further than that.</summary>
        private int ShortLineEnd(int from)
        {
            var limit = Math.Min(_length, from + 251);
            for (var i = from; i < limit; i++)
            {
                if (IsLineBreak(text[i]))
                {
                    return i;
                }
            }
            return limit == _length ? _length : -1;
        }

        private int SkipBlanks(int from)
        {
            var i = from;
            while (i < _length && IsBlank(text[i]))
            {
                i++;
            }
            return i;
        }
    }
}
