namespace FilePipeline.States.Jsonata;

/// <summary>
/// Parent references (<c>%</c>): each one gets a slot, and the slot is bound to the step whose input
/// it means (one step back per <c>%</c>), which then keeps its input in the tuple stream under the
/// slot's label.
/// </summary>
internal sealed partial class Resolver
{
    private Node ProcessParent(Node expr)
    {
        expr.Slot = new ParentSlot("!" + ancestorLabel++, 1, ancestry.Count);
        ancestry.Add(expr);
        return expr;
    }

    private ParentSlot SeekParent(Node node, ParentSlot slot)
    {
        switch (node.Kind)
        {
            case NodeKind.Name or NodeKind.Wildcard:
                slot.Level--;
                if (slot.Level == 0)
                {
                    if (node.Ancestor is not null)
                    {
                        ancestry[slot.Index].Slot!.Label = node.Ancestor.Label;
                    }

                    node.Ancestor = slot;
                    node.Tuple = true;
                }

                break;
            case NodeKind.Parent:
                slot.Level++;
                break;
            case NodeKind.Block:
                if (node.Items.Count > 0)
                {
                    node.Tuple = true;
                    slot = SeekParent(node.Items[^1], slot);
                }

                break;
            case NodeKind.Path:
                node.Tuple = true;
                var index = node.Items.Count - 1;
                slot = SeekParent(node.Items[index--], slot);
                while (slot.Level > 0 && index >= 0)
                {
                    slot = SeekParent(node.Items[index--], slot);
                }

                break;
            default:
                throw Errors.Syntax("S0217", node.Position, node.Kind.ToString().ToLowerInvariant());
        }

        return slot;
    }

    private static void PushAncestry(Node result, Node value)
    {
        if (value.SeekingParent is null && value.Kind != NodeKind.Parent)
        {
            return;
        }

        var slots = value.SeekingParent ?? [];
        if (value.Kind == NodeKind.Parent)
        {
            slots.Add(value.Slot!);
        }

        if (result.SeekingParent is null)
        {
            result.SeekingParent = slots;
        }
        else
        {
            result.SeekingParent.AddRange(slots);
        }
    }

    private void ResolveAncestry(Node path)
    {
        var last = path.Items[^1];
        var slots = last.SeekingParent ?? [];
        if (last.Kind == NodeKind.Parent)
        {
            slots.Add(last.Slot!);
        }

        foreach (var original in slots.ToList())
        {
            var slot = original;
            var index = path.Items.Count - 2;
            while (slot.Level > 0)
            {
                if (index < 0)
                {
                    (path.SeekingParent ??= []).Add(slot);
                    break;
                }

                var step = path.Items[index--];
                while (index >= 0 && step.Focus is not null && path.Items[index].Focus is not null)
                {
                    step = path.Items[index--];
                }

                slot = SeekParent(step, slot);
            }
        }
    }
}
