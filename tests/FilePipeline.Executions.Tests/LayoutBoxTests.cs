using FilePipeline.Executions.Layout;


namespace FilePipeline.Executions.Tests;

public class LayoutBoxTests
{
    private static readonly LayoutBox Box = new(10, 10, 100, 40);

    [Theory]
    [InlineData(0, 30, 200, 30, true)] // straight through
    [InlineData(50, 0, 60, 100, true)] // top to bottom
    [InlineData(0, 0, 5, 100, false)] // left of it
    [InlineData(50, 50, 50, 90, false)] // leaves from the bottom border downwards
    [InlineData(10, 0, 10, 100, false)] // runs along the left border
    [InlineData(0, 0, 9, 9, false)] // stops short of the corner
    [InlineData(60, 20, 70, 30, true)] // wholly inside
    public void A_segment_crosses_a_box_only_through_its_interior(double x1, double y1, double x2, double y2, bool crosses)
    {
        Assert.Equal(crosses, Box.IsCrossedBy(new LayoutPoint(x1, y1), new LayoutPoint(x2, y2)));
    }

    [Fact]
    public void Boxes_that_only_touch_do_not_overlap()
    {
        Assert.False(Box.Overlaps(new LayoutBox(110, 10, 20, 20)));
        Assert.True(Box.Overlaps(new LayoutBox(109, 10, 20, 20)));
        Assert.True(Box.Contains(new LayoutBox(20, 20, 10, 10)));
        Assert.False(Box.Contains(new LayoutBox(20, 20, 100, 10)));
    }
}
