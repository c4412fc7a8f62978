using Microsoft.AspNetCore.Http.Features;

namespace SshSupportBot.Channels;

internal enum BodyReadOutcome
{
    Read,
    TooLarge,
    TooSlow,
}

/// <summary>Reads a request body up to a size and a time limit, so a stranger's body costs at most that much memory and time.</summary>
internal static class BoundedRequestBody
{
    public static async Task<(BodyReadOutcome Outcome, byte[] Body)> ReadAsync(HttpContext context, long maxBytes, TimeSpan timeout)
    {
        var request = context.Request;
        if (request.ContentLength > maxBytes)
        {
            return (BodyReadOutcome.TooLarge, []);
        }
        // A chunked body has no Content-Length; Kestrel then enforces the limit while we read.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        deadline.CancelAfter(timeout);
        // Grown as bytes arrive, never sized from the claimed Content-Length.
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, deadline.Token)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return (BodyReadOutcome.TooLarge, []);
                }
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (BodyReadOutcome.TooLarge, []);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return (BodyReadOutcome.TooSlow, []);
        }
        catch (Exception e) when (e is BadHttpRequestException or IOException or OperationCanceledException)
        {
            // Kestrel's own minimum data rate or a broken framing: the sender is too slow or not speaking HTTP properly.
            return (BodyReadOutcome.TooSlow, []);
        }
        return (BodyReadOutcome.Read, buffer.ToArray());
    }

    /// <summary>The refusal for a request whose body was not (fully) read: the connection is closed rather than drained.</summary>
    public static IResult Refuse(HttpContext context, int statusCode)
    {
        context.Response.Headers.Connection = "close";
        return Results.StatusCode(statusCode);
    }
}
