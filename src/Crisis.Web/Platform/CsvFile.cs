using System.Globalization;
using System.Text;
using CsvHelper;

namespace Crisis.Web.Platform;

/// <summary>
/// The one CSV writer of every export, as Dutch Excel opens it: cells separated by <c>;</c>, UTF-8 with a byte-order
/// mark (so accents read right), Dutch headers chosen by the caller, and every text cell that a spreadsheet would run
/// as a formula (starting with <c>= + - @</c>, tab or CR) neutralised with a leading <c>'</c>.
/// Imports read the same files back through <see cref="ReadText"/> (the BOM tolerated, <c>;</c> or <c>,</c>).
/// </summary>
public static class CsvFile
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Separator = ';', Injection = CsvInjection.Escape };

    /// <summary>A header row and the rows under it, as CSV text (without the byte-order mark).</summary>
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(writer, Options, leaveOpen: true))
        {
            foreach (var h in header)
            {
                csv.WriteField(h);
            }
            csv.EndRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(cell ?? "");
                }
                csv.EndRecord();
            }
            csv.Flush();
        }
        return writer.ToString();
    }

    /// <summary>The file's bytes: the UTF-8 byte-order mark, then the text.</summary>
    public static byte[] Bytes(string csv) => [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(csv)];

    /// <summary>The HTTP answer: the bytes as an attachment with its file name (<c>piketrooster-2026-12.csv</c>).</summary>
    public static IResult Result(string csv, string fileName) => Results.File(Bytes(csv), ContentType, fileName);

    /// <summary>The text of an uploaded file: UTF-8 with or without a byte-order mark (UTF-16 when its mark says so).</summary>
    public static string ReadText(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return StripBom(reader.ReadToEnd());
    }

    /// <summary>Text with a leading byte-order mark removed (pasted or read without detection).</summary>
    public static string StripBom(string text) => text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;

    /// <summary>A file-name part from free text: lower case letters and digits, the rest as <c>-</c>.</summary>
    public static string Slug(string text) =>
        new string(text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');

    /// <summary>A number as Dutch Excel reads it: <c>37,5</c>.</summary>
    public static string Number(decimal value) => DutchFormat.Number(value);
}
