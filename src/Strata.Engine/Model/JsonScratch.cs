using System.Buffers;
using System.Text.Json;

namespace Strata.Engine.Model;

/// <summary>
/// A JSON writer and its buffer, kept per thread and reset for each use. The engine snapshots several small
/// documents per resource (properties, request, model, result, dependencies); a new <see cref="Utf8JsonWriter"/>
/// and buffer for each was a large share of what an <c>up</c> allocates per resource, and so of its gen-0
/// collections. Use with <c>using</c>: the lease hands the pair back.
/// </summary>
internal static class JsonScratch
{
    private static readonly JsonWriterOptions Compact = new() { Indented = false, SkipValidation = true };

    /// <summary>A buffer grown past this by one large document is not kept, so a thread does not hold on to it.</summary>
    private const int KeptCapacity = 64 * 1024;

    [ThreadStatic]
    private static Lease? t_free;

    /// <summary>The thread's writer, reset; a nested use on the same thread gets a fresh pair instead.</summary>
    public static Lease Rent()
    {
        var lease = t_free ?? new Lease();
        t_free = null;
        lease.Reset();
        return lease;
    }

    public sealed class Lease : IDisposable
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(1024);

        public Lease() => Writer = new Utf8JsonWriter(_buffer, Compact);

        public Utf8JsonWriter Writer { get; }

        /// <summary>What was written, once the writer is flushed.</summary>
        public ReadOnlySpan<byte> Written
        {
            get
            {
                Writer.Flush();
                return _buffer.WrittenSpan;
            }
        }

        internal void Reset()
        {
            _buffer.ResetWrittenCount();
            Writer.Reset(_buffer);
        }

        public void Dispose()
        {
            if (_buffer.Capacity <= KeptCapacity)
            {
                t_free = this;
            }
        }
    }
}
