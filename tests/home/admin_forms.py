"""A page as the Wagtail editor posts it: the edit form's fields, inline panels and StreamFields as POST data.

Wagtail's own `querydict_from_html` cannot read StreamFields or inline panels (JavaScript draws them), so the
data is built from the form's fields and the blocks' own value conversions instead.
"""

from django import forms
from wagtail import blocks
from wagtail.admin.widgets.chooser import BaseChooser
from wagtail.blocks.base import BlockField


def admin_form_data(page, user, parent):
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(instance=page, for_user=user, parent_page=parent)
    data = {}
    _form_data(form, data)
    return data


def _form_data(form, data):
    for bound_field in form:
        field, name, value = bound_field.field, bound_field.html_name, bound_field.value()
        if isinstance(field, BlockField):
            _block_data(field.block, value, name, data)
        else:
            _field_data(field.widget, value, name, data)
    for formset in getattr(form, "formsets", {}).values():
        children = formset.forms
        data[f"{formset.prefix}-TOTAL_FORMS"] = str(len(children))
        data[f"{formset.prefix}-INITIAL_FORMS"] = str(sum(1 for child in children if child.instance.pk))
        data[f"{formset.prefix}-MIN_NUM_FORMS"] = "0"
        data[f"{formset.prefix}-MAX_NUM_FORMS"] = "1000"
        for child in children:
            _form_data(child, data)


def _field_data(widget, value, name, data):
    if isinstance(widget, forms.CheckboxInput):
        if value:
            data[name] = "on"
    elif isinstance(widget, forms.widgets.ChoiceWidget):
        values = widget.format_value(value)
        data[name] = values if widget.allow_multiple_selected else (values[0] if values else "")
    elif isinstance(widget, BaseChooser):
        data[name] = "" if value is None else str(getattr(value, "pk", value))
    else:
        formatted = widget.format_value(value)
        data[name] = "" if formatted is None else formatted


def _block_data(block, value, prefix, data):
    if isinstance(block, (blocks.StreamBlock, blocks.ListBlock)):
        if isinstance(block, blocks.StreamBlock):
            children = [(child.block_type, child.block, child.value, child.id) for child in value]
        else:
            children = [(None, block.child_block, child.value, child.id) for child in value.bound_blocks]
        data[f"{prefix}-count"] = str(len(children))
        for index, (block_type, child_block, child_value, child_id) in enumerate(children):
            data[f"{prefix}-{index}-deleted"] = ""
            data[f"{prefix}-{index}-order"] = str(index)
            data[f"{prefix}-{index}-id"] = child_id or ""
            if block_type is not None:
                data[f"{prefix}-{index}-type"] = block_type
            _block_data(child_block, child_value, f"{prefix}-{index}-value", data)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            _block_data(child_block, value.get(name), f"{prefix}-{name}", data)
    elif isinstance(block, blocks.FieldBlock):
        form_value = block.value_for_form(value) if value is not None else None
        _field_data(block.field.widget, form_value, prefix, data)
