#pragma once

namespace fe::ui {

// Registers the workstation's resources (icons, consent notices, translations) that live in
// the ui library: a static library's resources must be initialised by name once.
void initResources();

} // namespace fe::ui
