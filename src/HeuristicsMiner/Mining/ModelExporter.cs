using System.Text;
using HeuristicsMiner.Algorithm.Export;
using HeuristicsMiner.Algorithm.Model;
using HeuristicsMiner.Algorithm.PetriNets;
using HeuristicsMiner.Cli;

namespace HeuristicsMiner.Mining;

/// <summary>Writes a mined model in the requested format.</summary>
public static class ModelExporter
{
    public static void Write(MinedModel model, ModelFormat format, Stream output, bool indent)
    {
        ArgumentNullException.ThrowIfNull(model);
        switch (format)
        {
            case ModelFormat.Json:
                ModelJsonWriter.Write(model, output, indent);
                output.WriteByte((byte)'\n');
                break;
            case ModelFormat.Dot:
                using (var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true))
                    DotWriter.Write(model.Net, writer);
                break;
            case ModelFormat.Text:
                using (var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true))
                    ModelTextWriter.Write(model, writer);
                break;
            case ModelFormat.Pnml:
                PnmlWriter.Write(HeuristicsNetToPetriNet.Convert(model.Net), output);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, null);
        }
    }
}
