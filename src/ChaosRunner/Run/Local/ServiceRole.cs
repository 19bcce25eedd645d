namespace ChaosRunner.Run.Local;

/// <summary>The processes of a local run that faults can hit.</summary>
public enum ServiceRole
{
    Broker,
    Miner,
    Generator,
}
