namespace CareStream.Notifications;

/// <summary>Result of one HTTP attempt: delivered only on 2xx; <see cref="Permanent"/> failures are not retried.</summary>
public sealed record DeliveryAttempt(bool Delivered, int? StatusCode, string? Error, bool Permanent)
{
    public static DeliveryAttempt Success(int statusCode) => new(true, statusCode, null, false);

    /// <summary>Non-2xx answer: 4xx other than 408 and 429 will not change on retry.</summary>
    public static DeliveryAttempt Answered(int statusCode) =>
        new(false, statusCode, $"http-{statusCode}", statusCode is >= 400 and < 500 and not 408 and not 429);

    public static DeliveryAttempt NoAnswer(string error, bool permanent = false) => new(false, null, error, permanent);
}
