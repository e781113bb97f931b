#pragma once

#include <QBoxLayout>
#include <QLayout>
#include <QWidget>

namespace fe::ui {

// Forms read best in a column of limited width in the middle of a large window.
// Width in logical px.
inline constexpr int kFormMaxWidth = 640;

inline QWidget* centredColumn(QBoxLayout* outer, QLayout* content, int maxWidth = kFormMaxWidth)
{
    auto* column = new QWidget;
    column->setLayout(content);
    column->setMaximumWidth(maxWidth);
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 100);
    row->addStretch(1);
    outer->addLayout(row);
    return column;
}

} // namespace fe::ui
