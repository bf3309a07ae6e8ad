namespace EvalHarness.Extensions;

/// <summary>Anything a pack registers: found by <see cref="Name"/> in suite files and on the command line, listed with <see cref="Description"/>.</summary>
public interface IExtension
{
    string Name { get; }

    /// <summary>One line for listings (<c>evalh list …</c>).</summary>
    string Description { get; }
}
