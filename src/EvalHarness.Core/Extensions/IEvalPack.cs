namespace EvalHarness.Extensions;

/// <summary>
/// A set of extensions that belong together (the standard scorers, the Japanese language support, the
/// model providers, the reports, the judges), registered through one <see cref="EvalBuilder"/>. A host is
/// a list of packs; adding a capability is adding a pack or a line in one.
/// </summary>
public interface IEvalPack
{
    /// <summary>Shown in listings and in messages about conflicting registrations.</summary>
    string Name { get; }

    void Register(EvalBuilder builder);
}
