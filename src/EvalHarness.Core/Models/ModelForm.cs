namespace EvalHarness.Models;

/// <summary>One way of writing a model kind on the command line (<c>openai/&lt;model&gt;</c>) and what it means.</summary>
public sealed record ModelForm(string Form, string Description);
