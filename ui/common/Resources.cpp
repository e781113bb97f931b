#include "common/Resources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initFaceEnrollResources()
{
    Q_INIT_RESOURCE(faceenroll);
}

namespace fe::ui {

void initResources()
{
    static const bool done = [] {
        initFaceEnrollResources();
        return true;
    }();
    (void)done;
}

} // namespace fe::ui
