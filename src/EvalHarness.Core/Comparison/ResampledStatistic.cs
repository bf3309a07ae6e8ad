namespace EvalHarness.Comparison;

/// <summary>One statistic's B − A over the bootstrap resamples of a row; resamples where it is undefined in either run are skipped.</summary>
internal abstract class ResampledStatistic
{
    private readonly double[] _differences;
    private int _valid;

    protected ResampledStatistic(int resamples)
    {
        _differences = new double[resamples];
    }

    /// <summary>Evaluates the statistic on the resample that drew these units (with repetition).</summary>
    public void Add(int[] draws) => Record(Difference(draws));

    /// <summary>A resample's difference computed without drawing units one by one (see <see cref="MeanDifferenceStatistic"/>).</summary>
    protected void Record(double? difference)
    {
        if (difference is { } d)
        {
            _differences[_valid++] = d;
        }
    }

    public BootstrapSummary Summarise(double confidence) => BootstrapSummary.Of(_differences.AsSpan(0, _valid), confidence, _differences.Length);

    protected abstract double? Difference(int[] draws);
}
