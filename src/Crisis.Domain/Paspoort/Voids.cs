namespace Crisis.Domain.Paspoort;

/// <summary>
/// Which records are voided, and by which record: the one answer every part of the paspoort uses (status, the
/// dossier, drafts, attendance, correcting). A record is voided when a later record of the same person names it in
/// <see cref="PaspoortRecord.VoidsRecordId"/> (a correction, a confirmation or a withdrawal). Voiding is final: a
/// voiding record keeps its effect even when it is voided itself (see <see cref="RecordRules"/>).
/// </summary>
/// <remarks>
/// Records of several people may be passed: a record only voids records of its own person. To judge a set of
/// records, pass them together with the records that may void them (for a query by date or status, also load the
/// records whose <c>VoidsRecordId</c> names one of them: a correction may carry another date).
/// </remarks>
public static class Voids
{
    /// <summary>Each voided record's id, with the id of the (first) record that voids it.</summary>
    public static IReadOnlyDictionary<Guid, Guid> VoidedBy(IEnumerable<PaspoortRecord> records)
    {
        var list = records as IReadOnlyCollection<PaspoortRecord> ?? records.ToList();
        var people = list.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First().PersonId);
        var voidedBy = new Dictionary<Guid, Guid>();
        foreach (var r in list)
        {
            if (r.VoidsRecordId is { } voided && (!people.TryGetValue(voided, out var person) || person == r.PersonId))
            {
                voidedBy.TryAdd(voided, r.Id);
            }
        }
        return voidedBy;
    }

    /// <summary>The ids of the records that another record voids.</summary>
    public static IReadOnlySet<Guid> VoidedIds(IEnumerable<PaspoortRecord> records) => VoidedBy(records).Keys.ToHashSet();

    /// <summary>
    /// The records still in force: not voided and not a withdrawal. Drafts are included (they are in force, waiting
    /// for a coordinator); whether a record counts is <see cref="Evidence.Counting"/>.
    /// </summary>
    public static IReadOnlyList<PaspoortRecord> InForce(IEnumerable<PaspoortRecord> records)
    {
        var list = records as IReadOnlyCollection<PaspoortRecord> ?? records.ToList();
        var voided = VoidedBy(list);
        return list.Where(r => r.Status != RecordStatus.Void && !voided.ContainsKey(r.Id)).ToList();
    }

    /// <summary>The record of <paramref name="personId"/> that voids <paramref name="recordId"/>, if any.</summary>
    public static PaspoortRecord? VoiderOf(Guid recordId, Guid personId, IEnumerable<PaspoortRecord> records) =>
        records.FirstOrDefault(r => r.VoidsRecordId == recordId && r.PersonId == personId);
}
