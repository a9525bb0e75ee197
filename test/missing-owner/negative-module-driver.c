// module_platform_driver() expands (through module_driver()) to an init
// function calling __platform_driver_register(&drv, THIS_MODULE): the
// registration fills in the owner itself, so the driver's unset
// .driver.owner is not reported.
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s --allow-empty '--implicit-check-not=[modsafe-'
#include <linux/module.h>
#include <linux/platform_device.h>

static int md_probe(struct platform_device *pdev)
{
	return 0;
}

static int md_remove(struct platform_device *pdev)
{
	return 0;
}

static struct platform_driver md_driver = {
	.probe = md_probe,
	.remove = md_remove,
	.driver = {
		.name = "md",
	},
};
module_platform_driver(md_driver);

MODULE_LICENSE("GPL");
