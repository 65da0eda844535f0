"""The domain: corpus values and pure logic. No Qt, no SQL."""
