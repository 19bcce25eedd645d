using Microsoft.AspNetCore.Http;

namespace HeuristicsBench.ServiceHost;

/// <summary>Plain-text answers: a status code and one line.</summary>
internal static class TextResponse
{
    public static Task WriteAsync(HttpContext context, int statusCode, string line)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(line + "\n", context.RequestAborted);
    }
}
