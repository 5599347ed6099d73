using System.Globalization;
using System.Text;

namespace WedTech.Server.Guests;

/// <summary>
/// Names compared as people write them: a <see cref="Key"/> that folds case, accents, script (Devanagari is
/// transliterated, so प्रिया and Priya share one), honorifics and kinship words, common spelling variants (vowel length,
/// v/w, sh/s, aspirated consonants) and English nicknames; and a <see cref="Similarity"/> of two keys for names spelt a
/// little differently. Used by the import's duplicate check and by the guest's "find my invitation".
/// </summary>
public static class GuestNames
{
    /// <summary>
    /// Two keys at or above this similarity name the same person. Chosen from the tests: Mohamed/Mohammad (0.94) and
    /// Sanjay/Sanjai (0.93) pass; Priyanka/Priya (0.925), Sunil/Sunita (0.89) and Rakesh/Rajesh (0.89) do not.
    /// </summary>
    public const double SimilarAt = 0.93;

    /// <summary>
    /// Titles and "ji": never part of the key. Folded as keys are (see <see cref="Fold"/>), so "Shri" and "Sri" are one entry.
    /// </summary>
    private static readonly HashSet<string> Honorifics = FoldAll(
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "adv", "shri", "sri", "shree", "smt", "shrimati", "srimati",
        "kumari", "kum", "km", "late", "swargiya", "ji", "jee", "sahab", "saheb", "sahib", "master", "col", "capt", "maj");

    /// <summary>
    /// Kinship words families write after or instead of a name ("Sunita Mausi", "Chacha ji"): left out of the key when a
    /// name remains, kept when they are all there is ("Mausi ji" is keyed "mausi").
    /// </summary>
    private static readonly HashSet<string> Kinship = FoldAll(
        "chacha", "chachi", "mausi", "mausa", "mausaji", "mama", "mami", "bua", "fufa", "phupha", "phuphi", "tau", "tai",
        "tauji", "nana", "nani", "dada", "dadi", "bhaiya", "bhaiyya", "bhai", "didi", "di", "bhabhi", "jija", "jiju",
        "uncle", "aunty", "auntie", "bhaisahab");

    /// <summary>Words of a household's or a place's label that name no one.</summary>
    private static readonly HashSet<string> NotNames = FoldAll("and", "family", "parivar", "guest", "plus", "one", "others", "with");

    /// <summary>English nicknames and the name they stand for (a small table of the common ones).</summary>
    private static readonly Dictionary<string, string> Nicknames = FoldPairs(new()
    {
        ["christopher"] = ["chris", "kit"],
        ["robert"] = ["bob", "bobby", "rob", "robbie"],
        ["elizabeth"] = ["liz", "lizzie", "beth", "betty", "eliza", "libby"],
        ["michael"] = ["mike", "mikey", "mick"],
        ["katherine"] = ["kate", "katie", "kathy", "kat", "catherine", "kathryn", "cathy"],
        ["william"] = ["will", "bill", "billy", "liam"],
        ["richard"] = ["rick", "ricky", "dick", "rich"],
        ["james"] = ["jim", "jimmy", "jamie"],
        ["john"] = ["johnny", "jack"],
        ["jonathan"] = ["jon"],
        ["thomas"] = ["tom", "tommy"],
        ["alexander"] = ["alex", "sandy"],
        ["daniel"] = ["dan", "danny"],
        ["joseph"] = ["joe", "joey"],
        ["margaret"] = ["maggie", "meg", "peggy"],
        ["jennifer"] = ["jen", "jenny"],
        ["rebecca"] = ["becky"],
        ["patricia"] = ["pat", "trish"],
        ["anthony"] = ["tony"],
        ["edward"] = ["ed", "eddie", "ted"],
        ["samuel"] = ["sam", "sammy"],
        ["benjamin"] = ["ben", "benny"],
        ["nicholas"] = ["nick", "nicky"],
        ["matthew"] = ["matt"],
        ["andrew"] = ["andy", "drew"],
        ["david"] = ["dave", "davey"],
        ["steven"] = ["steve", "stephen"],
        ["victoria"] = ["vicky", "tori"],
        ["susan"] = ["sue", "susie"],
        ["deborah"] = ["deb", "debbie"],
        ["abigail"] = ["abby"],
        ["charles"] = ["charlie", "chuck"],
    });

    /// <summary>
    /// The name's key: its words folded (<see cref="Fold"/>), titles and (where a name remains) kinship words left out,
    /// nicknames replaced by the full name, in alphabetical order so that "Sharma Rahul" is "Rahul Sharma". Empty when
    /// the text names no one.
    /// </summary>
    public static string Key(string name)
    {
        var words = Words(name);
        var named = words.Where(word => !Honorifics.Contains(word) && !NotNames.Contains(word)).ToList();
        var withoutKinship = named.Where(word => !Kinship.Contains(word)).ToList();
        var kept = withoutKinship.Count > 0 ? withoutKinship : named;
        return string.Join(' ', kept.Select(word => Nicknames.GetValueOrDefault(word, word)).Order(StringComparer.Ordinal));
    }

    /// <summary>Whether the text starts with a title (Mr, Smt., Dr …): the title as written, or null.</summary>
    public static string? LeadingHonorific(string name)
    {
        var first = name.TrimStart().Split(' ', 2)[0];
        return first.Length > 0 && Honorifics.Contains(Fold(Latin(first).Trim('.', ' '))) ? first : null;
    }

    /// <summary>
    /// How alike two keys are, 0 to 1: each word of the shorter name paired with the most alike unused word of the other
    /// (Jaro-Winkler on words that start with the same letter; an initial matches a word it begins), averaged over the
    /// shorter name's words, or over the longer's when the shorter is a single word ("Rahul" is not "Rahul Sharma").
    /// </summary>
    public static double Similarity(string key, string otherKey)
    {
        if (key.Length == 0 || otherKey.Length == 0)
        {
            return 0;
        }
        if (key == otherKey)
        {
            return 1;
        }
        var words = key.Split(' ');
        var otherWords = otherKey.Split(' ');
        var (shorter, longer) = words.Length <= otherWords.Length ? (words, otherWords) : (otherWords, words);
        Span<bool> used = stackalloc bool[longer.Length];
        var total = 0.0;
        foreach (var word in shorter)
        {
            var best = 0.0;
            var bestIndex = -1;
            for (var i = 0; i < longer.Length; i++)
            {
                if (used[i])
                {
                    continue;
                }
                var score = WordSimilarity(word, longer[i]);
                if (score > best)
                {
                    (best, bestIndex) = (score, i);
                }
            }
            if (bestIndex >= 0)
            {
                used[bestIndex] = true;
            }
            total += best;
        }
        return total / (shorter.Length >= 2 ? shorter.Length : longer.Length);
    }

    /// <summary>Whether two keys name the same person (<see cref="Similarity"/> at or above <see cref="SimilarAt"/>).</summary>
    public static bool AreSimilar(string key, string otherKey) => Similarity(key, otherKey) >= SimilarAt;

    /// <summary>
    /// The text in Latin letters: Devanagari transliterated (inherent vowels dropped where Hindi speakers drop them:
    /// मेहता → mehta, राहुल → rahul), everything else as written.
    /// </summary>
    public static string Latin(string text)
    {
        if (!text.Any(IsDevanagari))
        {
            return text;
        }
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var latin = new StringBuilder(decomposed.Length + 8);
        var start = 0;
        while (start < decomposed.Length)
        {
            var end = start;
            var devanagari = IsDevanagari(decomposed[start]);
            while (end < decomposed.Length && IsDevanagari(decomposed[end]) == devanagari)
            {
                end++;
            }
            var run = decomposed[start..end];
            latin.Append(devanagari ? Devanagari.Transliterate(run) : run);
            start = end;
        }
        return latin.ToString();
    }

    /// <summary>
    /// One word reduced to the letters that tell names apart: lower case without accents, ngh→nh (Singh, सिंह), sh→s, ph→f, aspirates
    /// (bh, dh, kh …) without their h, w→v, ee→i, oo→u, ng→n, z→j, q→k, doubled letters once.
    /// </summary>
    internal static string Fold(string word)
    {
        var letters = new StringBuilder(word.Length);
        foreach (var c in word.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var lower = char.ToLowerInvariant(c);
            switch (lower)
            {
                case 'ß': letters.Append("ss"); break;
                case 'æ': letters.Append("ae"); break;
                case 'ø': letters.Append('o'); break;
                case 'ł': letters.Append('l'); break;
                case 'đ': letters.Append('d'); break;
                default:
                    if (char.IsLetterOrDigit(lower))
                    {
                        letters.Append(lower);
                    }
                    break;
            }
        }
        letters.Replace("ngh", "nh").Replace("chh", "ch").Replace("sh", "s").Replace("ph", "f").Replace("bh", "b").Replace("dh", "d")
            .Replace("th", "t").Replace("kh", "k").Replace("gh", "g").Replace("jh", "j").Replace("w", "v")
            .Replace("ee", "i").Replace("oo", "u").Replace("ng", "n").Replace("z", "j").Replace("q", "k").Replace("ck", "k");
        var folded = new StringBuilder(letters.Length);
        for (var i = 0; i < letters.Length; i++)
        {
            if (i == 0 || letters[i] != letters[i - 1])
            {
                folded.Append(letters[i]);
            }
        }
        return folded.ToString();
    }

    private static List<string> Words(string name)
    {
        var latin = Latin(name);
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in latin.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c == '\'')
            {
                word.Append(c);
            }
            else
            {
                Flush();
            }
        }
        Flush();
        return words;

        void Flush()
        {
            if (word.Length > 0)
            {
                var folded = Fold(word.ToString());
                if (folded.Length > 0)
                {
                    words.Add(folded);
                }
                word.Clear();
            }
        }
    }

    private static double WordSimilarity(string word, string other)
    {
        if (word[0] != other[0])
        {
            return 0;
        }
        if (word.Length == 1 || other.Length == 1)
        {
            return 0.95;
        }
        return JaroWinkler(word, other);
    }

    private static double JaroWinkler(string a, string b)
    {
        var window = Math.Max(0, Math.Max(a.Length, b.Length) / 2 - 1);
        Span<bool> aMatched = stackalloc bool[a.Length];
        Span<bool> bMatched = stackalloc bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = Math.Max(0, i - window); j < Math.Min(b.Length, i + window + 1); j++)
            {
                if (!bMatched[j] && a[i] == b[j])
                {
                    aMatched[i] = bMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0)
        {
            return 0;
        }
        var transpositions = 0;
        for (int i = 0, j = 0; i < a.Length; i++)
        {
            if (!aMatched[i])
            {
                continue;
            }
            while (!bMatched[j])
            {
                j++;
            }
            if (a[i] != b[j])
            {
                transpositions++;
            }
            j++;
        }
        var m = (double)matches;
        var jaro = (m / a.Length + m / b.Length + (m - transpositions / 2.0) / m) / 3;
        var prefix = 0;
        while (prefix < Math.Min(4, Math.Min(a.Length, b.Length)) && a[prefix] == b[prefix])
        {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }

    private static bool IsDevanagari(char c) => c is >= '\u0900' and <= '\u097F';

    private static HashSet<string> FoldAll(params string[] words) => words.Select(Fold).ToHashSet(StringComparer.Ordinal);

    private static Dictionary<string, string> FoldPairs(Dictionary<string, string[]> table) => table
        .SelectMany(entry => entry.Value.Select(nickname => (nickname: Fold(nickname), name: Fold(entry.Key))))
        .ToDictionary(pair => pair.nickname, pair => pair.name, StringComparer.Ordinal);

    /// <summary>Devanagari to Latin letters, syllable by syllable.</summary>
    private static class Devanagari
    {
        private const char Virama = '\u094D';
        private const char Nukta = '\u093C';

        private static readonly Dictionary<char, string> Consonants = new()
        {
            ['क'] = "k", ['ख'] = "kh", ['ग'] = "g", ['घ'] = "gh", ['ङ'] = "n", ['च'] = "ch", ['छ'] = "chh", ['ज'] = "j",
            ['झ'] = "jh", ['ञ'] = "n", ['ट'] = "t", ['ठ'] = "th", ['ड'] = "d", ['ढ'] = "dh", ['ण'] = "n", ['त'] = "t",
            ['थ'] = "th", ['द'] = "d", ['ध'] = "dh", ['न'] = "n", ['प'] = "p", ['फ'] = "ph", ['ब'] = "b", ['भ'] = "bh",
            ['म'] = "m", ['य'] = "y", ['र'] = "r", ['ल'] = "l", ['ळ'] = "l", ['व'] = "v", ['श'] = "sh", ['ष'] = "sh",
            ['स'] = "s", ['ह'] = "h",
        };

        private static readonly Dictionary<char, string> Vowels = new()
        {
            ['अ'] = "a", ['आ'] = "a", ['इ'] = "i", ['ई'] = "i", ['उ'] = "u", ['ऊ'] = "u", ['ऋ'] = "ri", ['ए'] = "e",
            ['ऐ'] = "ai", ['ओ'] = "o", ['औ'] = "au", ['ऑ'] = "o", ['ऍ'] = "e",
        };

        private static readonly Dictionary<char, string> VowelSigns = new()
        {
            ['\u093E'] = "a", ['\u093F'] = "i", ['\u0940'] = "i", ['\u0941'] = "u", ['\u0942'] = "u", ['\u0943'] = "ri",
            ['\u0947'] = "e", ['\u0948'] = "ai", ['\u094B'] = "o", ['\u094C'] = "au", ['\u0949'] = "o", ['\u0945'] = "e",
        };

        /// <summary>A syllable: a consonant (or a vowel letter) and its vowel; Inherent when it carries the unwritten 'a'.</summary>
        private sealed record Syllable(string Consonant, string Vowel, bool Inherent, string Nasal);

        public static string Transliterate(string run)
        {
            var latin = new StringBuilder();
            var syllables = new List<Syllable>();
            for (var i = 0; i < run.Length; i++)
            {
                var c = run[i];
                if (Consonants.TryGetValue(c, out var consonant))
                {
                    var next = i + 1;
                    while (next < run.Length && run[next] == Nukta)
                    {
                        next++;
                    }
                    if (next < run.Length && run[next] == Virama)
                    {
                        syllables.Add(new Syllable(consonant, "", false, ""));
                        i = next;
                    }
                    else if (next < run.Length && VowelSigns.TryGetValue(run[next], out var sign))
                    {
                        syllables.Add(new Syllable(consonant, sign, false, ""));
                        i = next;
                    }
                    else
                    {
                        syllables.Add(new Syllable(consonant, "a", true, ""));
                        i = next - 1;
                    }
                }
                else if (Vowels.TryGetValue(c, out var vowel))
                {
                    syllables.Add(new Syllable("", vowel, false, ""));
                }
                else if (c is '\u0902' or '\u0901' or '\u0903' && syllables.Count > 0)
                {
                    // Anusvara, chandrabindu (a nasal) and visarga follow the vowel they mark.
                    syllables[^1] = syllables[^1] with { Nasal = c == '\u0903' ? "h" : "n" };
                }
                else if (c is >= '\u0966' and <= '\u096F')
                {
                    Flush();
                    latin.Append((char)('0' + (c - '\u0966')));
                }
                else if (c != Nukta && !VowelSigns.ContainsKey(c) && c != Virama)
                {
                    Flush();
                    latin.Append(' ');
                }
            }
            Flush();
            return latin.ToString();

            void Flush()
            {
                for (var i = 0; i < syllables.Count; i++)
                {
                    var syllable = syllables[i];
                    latin.Append(syllable.Consonant);
                    if (!syllable.Inherent || syllable.Nasal.Length > 0 || KeepsInherentVowel(syllables, i))
                    {
                        latin.Append(syllable.Vowel);
                    }
                    latin.Append(syllable.Nasal);
                }
                syllables.Clear();
            }
        }

        /// <summary>
        /// Hindi drops the unwritten 'a' at the end of a word (राहुल: rahul) and between a vowel and a consonant that has its
        /// own vowel (मेहता: mehta); it stays at a word's start (कमल: kamal).
        /// </summary>
        private static bool KeepsInherentVowel(List<Syllable> syllables, int index)
        {
            if (index == syllables.Count - 1)
            {
                return false;
            }
            if (index == 0)
            {
                return true;
            }
            var previousHasVowel = syllables[index - 1].Vowel.Length > 0;
            var next = syllables[index + 1];
            var nextHasVowel = next.Consonant.Length > 0 && next.Vowel.Length > 0 && (!next.Inherent || index + 1 < syllables.Count - 1);
            return !(previousHasVowel && nextHasVowel);
        }
    }
}
