using EvalHarness.Configuration;
using EvalHarness.Extensions;
using EvalHarness.Validation;

namespace EvalHarness.Models;

/// <summary>The model kinds packs registered, and the one place a model spec from the command line becomes a model.</summary>
public sealed class ModelKindCatalog
{
    private readonly NamedCatalog<IModelKind> _kinds;

    public ModelKindCatalog(NamedCatalog<IModelKind> kinds)
    {
        _kinds = kinds;
    }

    public IEnumerable<IModelKind> All => _kinds.All;

    public IEnumerable<ModelForm> Forms => _kinds.InOrder.SelectMany(k => k.Forms);

    public bool TryGet(string name, out IModelKind kind) => _kinds.TryGet(name, out kind);

    public string? PackOf(string name) => _kinds.PackOf(name);

    /// <summary>Parses <paramref name="spec"/> and creates the model; an unknown kind is bad input naming the forms that exist.</summary>
    public IModel Create(string spec, ModelRequest request)
    {
        // Before anything else reads the spec, since messages below echo it.
        KeyGuard.Refuse(spec, request.Option, [request.Settings.ApiKeyVariable, .. _kinds.InOrder.Select(k => k.KeyVariable)], request.Settings.Environment);
        var parsed = ModelSpec.Parse(spec);
        if (!_kinds.TryGet(parsed.Kind, out var kind))
        {
            var suggestion = Suggest.Closest(parsed.Kind, _kinds.Names);
            throw new InvalidInputException(new Diagnostic("command line", 0, 0, request.Option,
                $"'{spec}' is not a model" + (suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)") + $"; use one of: {string.Join(", ", Forms.Select(f => f.Form))}"));
        }

        return kind.Create(parsed, request);
    }
}
