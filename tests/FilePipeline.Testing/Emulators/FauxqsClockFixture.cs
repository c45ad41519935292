namespace FilePipeline.Testing.Emulators;

/// <summary>
/// A fauxqs of its own whose clock a test moves together with its FakeTimeProvider
/// (<see cref="FauxqsFixture.AdvanceClockAsync"/>), so visibility timeouts and backoffs are
/// checked to the second without waiting for them.
/// </summary>
public sealed class FauxqsClockFixture() : FauxqsFixture(fakeClock: true);
