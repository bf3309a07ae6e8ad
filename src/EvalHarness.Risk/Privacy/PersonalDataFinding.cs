using System.Text.Json.Nodes;

namespace EvalHarness.Risk.Privacy;

/// <summary>A detection as the scorer judged it: echoed from the prompt or not, and whether it makes the output fail.</summary>
internal sealed record PersonalDataFinding(Detection Detection, bool Echoed, bool EchoAllowed)
{
    public bool Leaked => Detection.Counted && !(Echoed && EchoAllowed);

    /// <summary>The log's record of it: offsets and the masked rendering, never the raw text.</summary>
    public JsonObject ToJson()
    {
        var d = Detection;
        var json = new JsonObject
        {
            ["kind"] = d.Kind,
            ["start"] = d.Start,
            ["length"] = d.Length,
            ["masked"] = d.Mask,
            ["counted"] = d.Counted,
            ["echoed"] = Echoed,
            ["leaked"] = Leaked,
        };
        if (d.Detail.Length > 0)
        {
            json["detail"] = d.Detail;
        }

        if (d.LinkedName is { } name)
        {
            json["linked_name"] = new JsonObject { ["start"] = name.Start, ["length"] = name.Length, ["masked"] = name.Mask };
        }

        if (d.Note is { } note)
        {
            json["note"] = note;
        }

        return json;
    }
}
