using EmbeddedKafka.Protocol;

namespace EmbeddedKafka.Handlers;

/// <summary>The handler table: every API this broker serves, by key.</summary>
internal static class ApiHandlers
{
    public static IReadOnlyDictionary<ApiKey, IApiHandler> All()
    {
        IApiHandler[] handlers =
        [
            new ProduceHandler(),
            new FetchHandler(),
            new ListOffsetsHandler(),
            new MetadataHandler(),
            new OffsetCommitHandler(),
            new OffsetFetchHandler(),
            new FindCoordinatorHandler(),
            new JoinGroupHandler(),
            new HeartbeatHandler(),
            new LeaveGroupHandler(),
            new SyncGroupHandler(),
            new DescribeGroupsHandler(),
            new ListGroupsHandler(),
            new ApiVersionsHandler(),
            new CreateTopicsHandler(),
            new DeleteTopicsHandler(),
            new InitProducerIdHandler(),
        ];
        return handlers.ToDictionary(h => h.Key);
    }
}
